"""Tests of gov_review.core.text."""
