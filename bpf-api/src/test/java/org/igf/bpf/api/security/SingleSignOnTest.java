package org.igf.bpf.api.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** Bearer tokens of an OpenID Connect provider, here signed locally with the test key pair. */
@ApiTest
class SingleSignOnTest {

    @LocalServerPort
    int port;

    @Test
    void aSignedTokenActsAsTheUserAndRolesItNames() throws Exception {
        Api api = new Api(port);
        String token = token(testKey(), "oidc-secretary", List.of("SECRETARIAT"), Instant.now().plusSeconds(300));

        Api.Response created = send(api, "/api/forums", token, json("cycle", 2015, "topic", "SSO", "coordinators", List.of()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(api.get("/api/forums/" + id + "/history", Api.SECRETARIAT).json().get(0).at("/actor/name").asText())
                .isEqualTo("oidc-secretary");
    }

    @Test
    void aCoordinatorTokenActsOnlyOnItsOwnForums() throws Exception {
        Api api = new Api(port);
        String mine = created(api, List.of("coordinator"));
        String notMine = created(api, List.of());
        String token = token(testKey(), "coordinator", List.of("coordinator"), Instant.now().plusSeconds(300));
        String expert = json("name", "Ana", "stakeholderGroup", "ACADEMIA");

        assertThat(send(api, "/api/forums/" + mine + "/experts", token, expert).status()).isEqualTo(201);
        assertThat(send(api, "/api/forums/" + notMine + "/experts", token, expert).status()).isEqualTo(403);
        assertThat(send(api, "/api/forums", token, json("cycle", 2015, "topic", "T")).status()).isEqualTo(403);
    }

    @Test
    void refusesExpiredForgedAndRolelessTokens() throws Exception {
        Api api = new Api(port);
        String expired = token(testKey(), "oidc-secretary", List.of("SECRETARIAT"), Instant.now().minusSeconds(600));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = token((RSAPrivateKey) generator.generateKeyPair().getPrivate(), "oidc-secretary", List.of("SECRETARIAT"),
                Instant.now().plusSeconds(300));
        String roleless = token(testKey(), "somebody", List.of("ADMIN"), Instant.now().plusSeconds(300));
        String body = json("cycle", 2015, "topic", "T");

        assertThat(send(api, "/api/forums", expired, body).status()).isEqualTo(401);
        assertThat(send(api, "/api/forums", forged, body).status()).isEqualTo(401);
        Api.Response noRole = send(api, "/api/forums", roleless, body);
        assertThat(noRole.status()).isEqualTo(403);
        assertThat(noRole.header("Content-Type")).startsWith("application/problem+json");
    }

    private static String created(Api api, List<String> coordinators) {
        return api.post("/api/forums", Api.SECRETARIAT, json("cycle", 2015, "topic", "SSO", "coordinators", coordinators))
                .json().get("id").asText();
    }

    private static Api.Response send(Api api, String path, String token, String body) {
        return api.send(api.request(path, null).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String token(RSAPrivateKey key, String username, List<String> roles, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("sub-" + username)
                .claim("preferred_username", username)
                .claim("roles", roles)
                .issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAPrivateKey testKey() throws Exception {
        String pem;
        try (var in = SingleSignOnTest.class.getResourceAsStream("/oidc/test-private-key.pem")) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
