"""keyproj base layer: types, ingestion, chunking, engines, store. Imports nothing from rag/ui/evals."""
