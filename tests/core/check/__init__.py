"""Tests of gov_review.core.check."""
