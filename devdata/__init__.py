"""Development data: one seeded generator of learner activity for the demo and the report benchmarks."""
