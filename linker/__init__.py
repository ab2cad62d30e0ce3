"""Entity linking: catalog, mention matching, introduced names and relation typing."""
