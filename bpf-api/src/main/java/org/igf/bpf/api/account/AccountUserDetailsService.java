package org.igf.bpf.api.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Sign-in reads the account table: bcrypt hash, enabled flag, roles. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final AccountStore store;

    public AccountUserDetailsService(AccountStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountStore.Credentials credentials = store.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("No account " + username));
        return User.withUsername(credentials.account().username())
                .password(credentials.passwordHash())
                .disabled(!credentials.account().enabled())
                .roles(credentials.account().roles().stream().map(Enum::name).toArray(String[]::new))
                .build();
    }
}
