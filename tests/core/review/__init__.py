"""Tests of gov_review.core.review."""
