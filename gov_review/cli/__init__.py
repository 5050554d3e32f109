"""The command line: ``gov-review check | summary | export | gui`` and the self-test. Nothing imports this package."""
