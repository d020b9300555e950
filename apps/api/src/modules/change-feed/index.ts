// What other modules may use of this one (they import it only from here; see .dependency-cruiser.cjs).
// The change feed's GraphQL reads; the feed itself (poller, cursors, revisions) is platform (platform/change-feed).
export {};
