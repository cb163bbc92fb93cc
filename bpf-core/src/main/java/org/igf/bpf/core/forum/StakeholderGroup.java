package org.igf.bpf.core.forum;

/** The stakeholder groups an expert can come from. */
public enum StakeholderGroup {
    GOVERNMENT,
    PRIVATE_SECTOR,
    CIVIL_SOCIETY,
    TECHNICAL_COMMUNITY,
    ACADEMIA,
    INTERGOVERNMENTAL_ORGANISATION
}
