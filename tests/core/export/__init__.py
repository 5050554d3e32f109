"""Tests of gov_review.core.export."""
