"""Tests of gov_review.core.batch."""
