"""Matching library: encoders, hybrid ranking, explanations, evaluation. Imports nothing from Django."""
