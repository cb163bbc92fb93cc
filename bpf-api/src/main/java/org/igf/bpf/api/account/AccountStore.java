package org.igf.bpf.api.account;

import org.igf.bpf.core.account.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The account table: what sign-in reads (through {@link SignInCache}). */
@Repository
public class AccountStore {

    /** An account row with its password hash, for sign-in only. */
    public record Credentials(Account account, String passwordHash) {
    }

    private static final RowMapper<Credentials> ROW = (rs, i) -> new Credentials(new Account(
            rs.getString("username"), rs.getBoolean("enabled"),
            split(rs.getString("roles")).stream().map(Role::valueOf).collect(Collectors.toUnmodifiableSet()),
            split(rs.getString("forums")),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()),
            rs.getString("password_hash"));

    private final JdbcTemplate jdbc;
    private final SignInCache signIns;

    public AccountStore(JdbcTemplate jdbc, SignInCache signIns) {
        this.jdbc = jdbc;
        this.signIns = signIns;
    }

    public Optional<Credentials> find(String username) {
        return jdbc.query("select * from account where username = ?", ROW, username).stream().findFirst();
    }

    public List<Account> findAll() {
        return jdbc.query("select * from account order by username", ROW).stream().map(Credentials::account).toList();
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from account", Long.class);
    }

    public void insert(String username, String passwordHash, Set<Role> roles, Set<String> forums, Instant at) {
        signIns.changing();
        jdbc.update("insert into account (username, password_hash, enabled, roles, forums, created_at, updated_at) values (?, ?, true, ?, ?, ?, ?)",
                username, passwordHash, join(roles), join(forums), Timestamp.from(at), Timestamp.from(at));
    }

    public void update(String username, String column, Object value, Instant at) {
        // column names come from this class's callers only, never from a request
        signIns.changing();
        jdbc.update("update account set " + column + " = ?, updated_at = ? where username = ?", value, Timestamp.from(at), username);
    }

    static String join(Set<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
    }

    private static Set<String> split(String value) {
        return value == null || value.isBlank() ? Set.of()
                : Arrays.stream(value.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
