package org.igf.bpf.core.forum;

/**
 * The configurable thresholds of the gates: how many experts, from how many stakeholder groups,
 * a forum needs before it may leave expert recruitment.
 */
public record ForumGates(int minExperts, int minStakeholderGroups) {

    public static final ForumGates DEFAULT = new ForumGates(3, 3);

    public ForumGates {
        if (minExperts < 0 || minStakeholderGroups < 0) {
            throw new IllegalArgumentException("gate thresholds cannot be negative");
        }
    }
}
