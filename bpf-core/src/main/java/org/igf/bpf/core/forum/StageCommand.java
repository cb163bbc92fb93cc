package org.igf.bpf.core.forum;

/** A command that moves a forum out of a stage; it names that stage so a stale request is refused. */
public interface StageCommand {

    ForumId forumId();

    Stage leaving();
}
