"""``python -m relwork`` runs the command line."""

from relwork.cli import main

if __name__ == "__main__":
    main()
