package dev.frostgate.store;

import dev.frostgate.catalog.Transactions;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Units of work on the store's pool: one connection bound to the calling thread for the duration, at the
 * pool's isolation (READ COMMITTED, see {@link Database}); what must not interleave takes row locks
 * ({@code SELECT … FOR UPDATE}) that last until the commit.
 */
public final class JdbcTransactions implements Transactions {
    private final DataSource dataSource;

    public JdbcTransactions(Database database) {
        this.dataSource = database.dataSource();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return UnitOfWork.inTransaction(dataSource, connection -> work.get());
        } catch (SQLException failure) {
            throw new StoreException(failure);
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        UnitOfWork.afterCommit(dataSource, action);
    }
}
