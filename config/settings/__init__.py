"""Settings package: base, dev, test and production."""
