package ci.milie.sla;

/** Fired when a holiday is added or removed: the working calendar reloads once the transaction ends. */
record CalendarChanged() {
}
