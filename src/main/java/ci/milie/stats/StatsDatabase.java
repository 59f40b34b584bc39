package ci.milie.stats;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;

/**
 * Where statistics are read: the read replica's persistence unit when {@code MILIE_DB_REPLICA_URL}
 * configures it, the primary's otherwise. The one place that chooses; the queries do not know. The
 * roll-up ({@link StatsRollup}) writes, so it always uses the primary.
 */
@ApplicationScoped
class StatsDatabase {

    private static final Logger LOG = Logger.getLogger(StatsDatabase.class);

    private final EntityManager entityManager;
    private final boolean replica;

    StatsDatabase(EntityManager primary, @PersistenceUnit("replica") InjectableInstance<EntityManager> replica) {
        List<EntityManager> active = replica.listActive();
        this.replica = !active.isEmpty();
        this.entityManager = this.replica ? active.get(0) : primary;
        LOG.infof("Statistics read from the %s", this.replica ? "read replica (MILIE_DB_REPLICA_URL)" : "primary");
    }

    EntityManager entityManager() {
        return entityManager;
    }

    boolean readsFromReplica() {
        return replica;
    }
}
