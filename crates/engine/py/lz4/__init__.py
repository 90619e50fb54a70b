"""lz4 compression (pure-Rust codec inside the engine)."""
