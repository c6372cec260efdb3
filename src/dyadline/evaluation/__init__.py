"""Figures for the coder: an acceptance file (seed.yaml format) or labelled JSONL sentences."""

from __future__ import annotations

from dyadline.evaluation.report import Report, evaluate_file, format_report

__all__ = ["Report", "evaluate_file", "format_report"]
