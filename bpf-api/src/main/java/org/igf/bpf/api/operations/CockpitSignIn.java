package org.igf.bpf.api.operations;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.igf.bpf.api.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.UUID;

/**
 * Signs the Spring Security user into Camunda's web applications: the secretariat, signed in on the
 * dashboard, is signed in to Cockpit as the same user, in Camunda's administrators' group. Camunda's
 * web applications only sign in users that exist in its identity service, so the user is recorded there
 * on first visit, with a random password nobody knows: the password that counts is Spring Security's.
 * Camunda instantiates this class by name (it needs a public no-arg constructor), so it reads the user
 * from the security context rather than through injection.
 */
public class CockpitSignIn extends ContainerBasedAuthenticationProvider {

    static final String CAMUNDA_ADMIN_GROUP = Groups.CAMUNDA_ADMIN;

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || !Roles.isSecretariat(user)) {
            return AuthenticationResult.unsuccessful();
        }
        ensureCamundaUser(engine.getIdentityService(), user.getName());
        AuthenticationResult result = AuthenticationResult.successful(user.getName());
        result.setGroups(List.of(CAMUNDA_ADMIN_GROUP));
        result.setTenants(List.of());
        return result;
    }

    /**
     * Records the user, the administrators' group and the membership in Camunda's identity service if
     * they are missing (Cockpit sends everyone to its first-user setup page while that group is empty).
     */
    private static void ensureCamundaUser(IdentityService identity, String name) {
        if (identity.createUserQuery().userId(name).memberOfGroup(CAMUNDA_ADMIN_GROUP).count() > 0) {
            return;
        }
        try {
            if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN_GROUP).count() == 0) {
                Group group = identity.newGroup(CAMUNDA_ADMIN_GROUP);
                group.setName("Camunda administrators");
                group.setType(Groups.GROUP_TYPE_SYSTEM);
                identity.saveGroup(group);
            }
            if (identity.createUserQuery().userId(name).count() == 0) {
                User camundaUser = identity.newUser(name);
                camundaUser.setFirstName(name);
                camundaUser.setLastName("");
                camundaUser.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
                identity.saveUser(camundaUser);
            }
            identity.createMembership(name, CAMUNDA_ADMIN_GROUP);
        } catch (ProcessEngineException raced) {
            // another request of the same user recorded it at the same moment
            if (identity.createUserQuery().userId(name).memberOfGroup(CAMUNDA_ADMIN_GROUP).count() == 0) {
                throw raced;
            }
        }
    }
}
