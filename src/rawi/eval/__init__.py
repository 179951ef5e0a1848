"""Evaluation: dataset readers, metrics, baselines and the benchmark runner."""
