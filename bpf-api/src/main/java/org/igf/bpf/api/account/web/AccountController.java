package org.igf.bpf.api.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.igf.bpf.api.account.Account;
import org.igf.bpf.api.account.AccountService;
import org.igf.bpf.api.security.Actors;
import org.igf.bpf.core.account.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** Account management, for the secretariat: create, disable, enable, reset a password, assign roles and forums. */
@RestController
@RequestMapping("/api/accounts")
public class AccountController {

    record CreateAccountRequest(@NotBlank @Size(max = 63) String username,
                                @NotBlank @Size(max = 200) String password,
                                @NotNull @Size(min = 1, max = 3) Set<@NotNull Role> roles,
                                @Size(max = 100) Set<@NotBlank @Size(max = 64) String> forums) {
    }

    record PasswordRequest(@NotBlank @Size(max = 200) String password) {
    }

    record RolesRequest(@NotNull @Size(min = 1, max = 3) Set<@NotNull Role> roles) {
    }

    record ForumsRequest(@NotNull @Size(max = 100) Set<@NotBlank @Size(max = 64) String> forums) {
    }

    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    public ResponseEntity<Account> create(@Valid @RequestBody CreateAccountRequest request, Authentication user) {
        Account account = accounts.create(request.username(), request.password(), request.roles(),
                request.forums() == null ? Set.of() : request.forums(), Actors.of(user));
        return ResponseEntity.created(URI.create("/api/accounts/" + account.username())).body(account);
    }

    @GetMapping
    public List<Account> list() {
        return accounts.list();
    }

    @GetMapping("/{username}")
    public Account get(@PathVariable String username) {
        return accounts.get(username);
    }

    @PostMapping("/{username}/disable")
    public Account disable(@PathVariable String username, Authentication user) {
        return accounts.disable(username, Actors.of(user));
    }

    @PostMapping("/{username}/enable")
    public Account enable(@PathVariable String username, Authentication user) {
        return accounts.enable(username, Actors.of(user));
    }

    @PutMapping("/{username}/password")
    public ResponseEntity<Void> resetPassword(@PathVariable String username, @Valid @RequestBody PasswordRequest request,
                                              Authentication user) {
        accounts.resetPassword(username, request.password(), Actors.of(user));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{username}/roles")
    public Account assignRoles(@PathVariable String username, @Valid @RequestBody RolesRequest request, Authentication user) {
        return accounts.assignRoles(username, request.roles(), Actors.of(user));
    }

    @PutMapping("/{username}/forums")
    public Account assignForums(@PathVariable String username, @Valid @RequestBody ForumsRequest request, Authentication user) {
        return accounts.assignForums(username, request.forums(), Actors.of(user));
    }
}
