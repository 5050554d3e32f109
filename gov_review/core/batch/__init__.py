"""Many reports at once: folders in worker processes, league rows, the summary workbook, cross-year checks."""
