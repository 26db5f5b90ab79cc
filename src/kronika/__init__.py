"""kronika."""
