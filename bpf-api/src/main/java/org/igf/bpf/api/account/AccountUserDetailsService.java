package org.igf.bpf.api.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Sign-in reads the account table (the rows kept by {@link SignInCache}): bcrypt hash, enabled flag, roles. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final AccountStore store;
    private final SignInCache signIns;

    public AccountUserDetailsService(AccountStore store, SignInCache signIns) {
        this.store = store;
        this.signIns = signIns;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountStore.Credentials credentials = signIns.find(username, store::find)
                .orElseThrow(() -> new UsernameNotFoundException("No account " + username));
        return User.withUsername(credentials.account().username())
                .password(credentials.passwordHash())
                .disabled(!credentials.account().enabled())
                .roles(credentials.account().roles().stream().map(Enum::name).toArray(String[]::new))
                .build();
    }
}
