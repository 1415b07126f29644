"""Measuring engines and prompts on labelled data with the production routing rules."""
