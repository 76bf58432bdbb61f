package com.yibaoflow.shared.process;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** The groups a task is offered to, read from its identity links (not its candidate users, not its assignee). */
public final class CandidateGroups {

    private CandidateGroups() {}

    /**
     * The candidate groups among {@code links} ({@code DelegateTask.getCandidates()} or
     * {@code TaskService.getIdentityLinksForTask}), sorted so that messages and views list them alike every time.
     */
    public static SortedSet<String> of(Collection<? extends IdentityLink> links) {
        SortedSet<String> groups = new TreeSet<>();
        for (IdentityLink l : links) {
            if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null) {
                groups.add(l.getGroupId());
            }
        }
        return groups;
    }
}
