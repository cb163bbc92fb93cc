package org.igf.bpf.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The BPF workflow engine: REST API, query side and configuration around the workflow and core modules. */
@SpringBootApplication(scanBasePackages = "org.igf.bpf")
@EnableScheduling
public class BpfApplication {

    public static void main(String[] args) {
        // the machines this runs on often have no route to the outside world
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(BpfApplication.class, args);
    }
}
