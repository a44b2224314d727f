"""Local number formats: where the site's own choice differs from Django's locale data."""
