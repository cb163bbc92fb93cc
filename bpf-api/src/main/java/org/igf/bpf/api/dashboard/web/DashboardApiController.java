package org.igf.bpf.api.dashboard.web;

import org.igf.bpf.api.dashboard.query.Board;
import org.igf.bpf.api.dashboard.query.BoardView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The board as JSON, for other dashboards: the same columns and cards as the page at /. */
@RestController
public class DashboardApiController {

    private final Board board;

    public DashboardApiController(Board board) {
        this.board = board;
    }

    @GetMapping("/api/dashboard")
    public BoardView board(@RequestParam(required = false) Integer cycle) {
        return board.of(cycle);
    }
}
