"""The HQ sync client: push the change log, pull and merge, resume, retry. Imports no Qt."""
