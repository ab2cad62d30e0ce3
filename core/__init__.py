"""Types shared by every part of relwork: the paper record, link records and the exception hierarchy."""
