"""Input limits shared by the library and the command line (kept apart so the CLI can show the
defaults in --help without importing the pipeline)."""

# Largest article accepted by default. A long feature is ~100 kB of text and a news page's HTML
# rarely passes 1 MB; 2 MB leaves a wide margin while refusing multi-megabyte dumps, which take
# about ten seconds per MB of text to compare (measured on a 2 MB file of random story words:
# 18.5 s). `--max-bytes` raises it.
DEFAULT_MAX_BYTES = 2_000_000
