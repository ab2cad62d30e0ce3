"""The knowledge graph: building it from linked papers, saving it, and querying it."""
