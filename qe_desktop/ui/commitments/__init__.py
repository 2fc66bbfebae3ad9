"""The commitment tracker's window parts: the Commitments view, its dialogs, the suggestions."""
