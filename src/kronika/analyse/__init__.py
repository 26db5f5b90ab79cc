"""Analysis over the store: event listings, actor profiles, dyads, the actor network, charts."""
