"""The in-app inbox of every signed-in user: one row per recipient, kind, subject and period, and an e-mail
through the outbox unless the user turned the kind off."""
