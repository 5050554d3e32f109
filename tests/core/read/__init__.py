"""Tests of gov_review.core.read."""
