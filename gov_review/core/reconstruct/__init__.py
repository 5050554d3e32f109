"""Raw tables → canonical cells (ReportData), by normalised labels; where each raw cell is placed."""
