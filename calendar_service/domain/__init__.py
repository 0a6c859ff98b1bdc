"""Pure domain: activities, cycles, occurrences, criteria. No I/O and no clock of its own."""
