"""Tests of gov_review.core.formats."""
