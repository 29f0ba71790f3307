package io.edgeoff.handlers;

import io.edgeoff.task.HandlerContext;
import io.edgeoff.task.TaskHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * CHESS's COMPUTE_MOVE: a real game-tree search. Negamax with alpha-beta pruning over pseudo-legal
 * moves (no castling, no en passant, promotion to a queen; a king capture ends the game), captures
 * searched first (most valuable victim, least valuable attacker), evaluated by material and
 * centralisation at the leaves.
 *
 * <p>Input: UTF-8 text, first line the position's FEN (its piece placement and side to move; the
 * other fields are ignored), optional second line the search depth in plies (default 4); the
 * parameter {@code depth} (1 to 8) overrides it. The work grows about 8-10x per ply (docs/PERFORMANCE.md).
 * Output: UTF-8 {@code bestmove e2e4\nscore 35\nnodes 12345\n} (score in centipawns for the side to move).
 *
 * <p>With {@code effortMi=N} ({@link Effort}) the depth is not fixed: the search deepens one ply at a time (iterative
 * deepening, from 1 ply up to {@value #MAX_EFFORT_DEPTH}) until a budget of {@code N x }{@value #NODES_PER_MI} nodes
 * is used; the move of the deepest completed iteration is played (depth 1 always completes). The output then also
 * has {@code depth D} (the deepest completed iteration); {@code nodes} counts every node searched, so for the same
 * input it grows with the effort.
 * With {@code forward=true} the output is the data worked on followed by this ({@link Forwarding}).
 */
public final class ChessHandler implements TaskHandler {
    public static final String NAME = "chess";
    /** Deepest search, plies. */
    public static final int MAX_DEPTH = 8;
    private static final int DEFAULT_DEPTH = 4;
    private static final int KING_VALUE = 100_000;
    private static final int[] VALUE = {0, 100, 320, 330, 500, 900, KING_VALUE};
    private static final int[] KNIGHT = {-21, -19, -12, -8, 8, 12, 19, 21};
    private static final int[] KING = {-11, -10, -9, -1, 1, 9, 10, 11};
    private static final int[] BISHOP = {-11, -9, 9, 11};
    private static final int[] ROOK = {-10, -1, 1, 10};
    private static final int OFF = 99;
    /** Nodes searched per million instructions of effort (calibrated: docs/PERFORMANCE.md). */
    static final double NODES_PER_MI = 1000;
    /** Deepest iteration of a search with an effort, plies. */
    static final int MAX_EFFORT_DEPTH = 24;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CHESS COMPUTE_MOVE: alpha-beta search of a position (input: FEN, depth)";
    }

    @Override
    public byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) {
        String[] lines = new String(input, StandardCharsets.UTF_8).strip().split("\\R");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new IllegalArgumentException("input must start with a FEN line, but was empty");
        }
        int depth = DEFAULT_DEPTH;
        if (lines.length > 1 && !lines[1].isBlank()) {
            depth = Params.integer(Map.of("depth", lines[1]), "depth", DEFAULT_DEPTH, 1, MAX_DEPTH);
        }
        depth = Params.integer(parameters, "depth", depth, 1, MAX_DEPTH);
        int effortMi = Effort.millionInstructions(parameters);
        Board board = Board.fromFen(lines[0]);
        Search search;
        int score;
        String reached = "";
        if (effortMi == 0) {
            search = new Search(board, context, depth, Long.MAX_VALUE);
            score = search.root(depth);
        } else {
            search = new Search(board, context, MAX_EFFORT_DEPTH, Effort.budget(effortMi, NODES_PER_MI));
            int completed = search.deepen();
            score = search.score;
            reached = "depth " + completed + "\n";
        }
        String text = "bestmove " + (search.bestFrom < 0 ? "none" : square(search.bestFrom) + square(search.bestTo))
                + "\nscore " + score + "\nnodes " + search.nodes + "\n" + reached;
        if (Forwarding.isOn(parameters)) {
            // a king capture ends the game: the position is forwarded as it was (a board needs both kings)
            if (search.bestFrom >= 0 && !capturesKing(search.bestMove)) {
                board.make(search.bestMove);
            }
            text = board.fen() + "\n" + depth + "\n" + text;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A position after {@code plies} random moves from the initial position (seeded), with the depth to search.
     *
     * @return the input text: FEN line, depth line
     */
    public static byte[] input(long seed, int depth) {
        Board board = Board.fromFen("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w");
        SplittableRandom random = new SplittableRandom(seed);
        int plies = 8 + random.nextInt(13);
        int[] moves = new int[256];
        int[] replies = new int[256];
        for (int i = 0; i < plies; i++) {
            int n = board.generate(moves, 0);
            int legal = 0;
            for (int k = 0; k < n; k++) {
                // legal moves only: never capture a king, never leave one's own king capturable
                if (!capturesKing(moves[k]) && !leavesKingCapturable(board, moves[k], replies)) {
                    moves[legal++] = moves[k];
                }
            }
            if (legal == 0) {
                break;
            }
            board.make(moves[random.nextInt(legal)]);
        }
        return (board.fen() + "\n" + depth + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** @return true when {@code move} captures a king (the game is over; no position follows it) */
    static boolean capturesKing(int move) {
        return Math.abs((move >>> 14 & 0xF) - 8) == 6;
    }

    /** @return true when, after {@code move}, the opponent could capture the mover's king */
    private static boolean leavesKingCapturable(Board board, int move, int[] replies) {
        board.make(move);
        try {
            int n = board.generate(replies, 0);
            for (int k = 0; k < n; k++) {
                if (capturesKing(replies[k])) {
                    return true;
                }
            }
            return false;
        } finally {
            board.unmake(move);
        }
    }

    private static String square(int sq) {
        int file = sq % 10 - 1;
        int rank = 10 - sq / 10;
        return "" + (char) ('a' + file) + (char) ('1' + rank - 1);
    }

    /** A 10x12 mailbox board; white pieces positive, black negative (1 pawn ... 6 king). */
    static final class Board {
        final int[] sq = new int[120];
        int side = 1;

        static Board fromFen(String fen) {
            Board b = new Board();
            java.util.Arrays.fill(b.sq, OFF);
            String[] fields = fen.strip().split("\\s+");
            String[] ranks = fields[0].split("/");
            if (ranks.length != 8) {
                throw new IllegalArgumentException("FEN must have 8 ranks, but had " + ranks.length);
            }
            int kings = 0;
            for (int r = 0; r < 8; r++) {
                int file = 0;
                for (char c : ranks[r].toCharArray()) {
                    if (c >= '1' && c <= '8') {
                        for (int k = 0; k < c - '0'; k++) {
                            b.put(r, file++, 0);
                        }
                        continue;
                    }
                    int piece = "pnbrqk".indexOf(Character.toLowerCase(c)) + 1;
                    if (piece == 0) {
                        throw new IllegalArgumentException("FEN has an unknown piece '" + c + "'");
                    }
                    kings += piece == 6 ? 1 : 0;
                    b.put(r, file++, Character.isUpperCase(c) ? piece : -piece);
                }
                if (file != 8) {
                    throw new IllegalArgumentException("FEN rank " + (8 - r) + " has " + file + " squares, not 8");
                }
            }
            if (kings != 2) {
                throw new IllegalArgumentException("FEN must have one king per side, but had " + kings + " kings");
            }
            b.side = fields.length > 1 && fields[1].equals("b") ? -1 : 1;
            return b;
        }

        private void put(int rank, int file, int piece) {
            if (file > 7) {
                throw new IllegalArgumentException("FEN rank " + (8 - rank) + " has more than 8 squares");
            }
            sq[21 + rank * 10 + file] = piece;
        }

        String fen() {
            StringBuilder out = new StringBuilder();
            for (int r = 0; r < 8; r++) {
                int empty = 0;
                for (int f = 0; f < 8; f++) {
                    int p = sq[21 + r * 10 + f];
                    if (p == 0) {
                        empty++;
                        continue;
                    }
                    if (empty > 0) {
                        out.append(empty);
                        empty = 0;
                    }
                    char c = " pnbrqk".charAt(Math.abs(p));
                    out.append(p > 0 ? Character.toUpperCase(c) : c);
                }
                if (empty > 0) {
                    out.append(empty);
                }
                if (r < 7) {
                    out.append('/');
                }
            }
            return out.append(side > 0 ? " w" : " b").toString();
        }

        /** Move: from | to << 7 | captured piece (signed, +8) << 14 | promotion flag << 18. */
        int generate(int[] moves, int n) {
            for (int from = 21; from < 99; from++) {
                int p = sq[from];
                if (p == OFF || p == 0 || Integer.signum(p) != side) {
                    continue;
                }
                switch (Math.abs(p)) {
                    case 1 -> n = pawn(moves, n, from);
                    case 2 -> n = steps(moves, n, from, KNIGHT);
                    case 3 -> n = slides(moves, n, from, BISHOP);
                    case 4 -> n = slides(moves, n, from, ROOK);
                    case 5 -> n = slides(moves, n, from, BISHOP, ROOK);
                    default -> n = steps(moves, n, from, KING);
                }
            }
            return n;
        }

        private int pawn(int[] moves, int n, int from) {
            int dir = side > 0 ? -10 : 10;
            int to = from + dir;
            if (sq[to] == 0) {
                n = add(moves, n, from, to);
                boolean home = side > 0 ? from / 10 == 8 : from / 10 == 3;
                if (home && sq[to + dir] == 0) {
                    n = add(moves, n, from, to + dir);
                }
            }
            for (int d : new int[] {dir - 1, dir + 1}) {
                int t = from + d;
                if (sq[t] != OFF && sq[t] != 0 && Integer.signum(sq[t]) == -side) {
                    n = add(moves, n, from, t);
                }
            }
            return n;
        }

        private int steps(int[] moves, int n, int from, int[] dirs) {
            for (int d : dirs) {
                int t = from + d;
                if (sq[t] != OFF && (sq[t] == 0 || Integer.signum(sq[t]) == -side)) {
                    n = add(moves, n, from, t);
                }
            }
            return n;
        }

        private int slides(int[] moves, int n, int from, int[]... dirSets) {
            for (int[] dirs : dirSets) {
                for (int d : dirs) {
                    for (int t = from + d; sq[t] != OFF; t += d) {
                        if (sq[t] != 0 && Integer.signum(sq[t]) == side) {
                            break;
                        }
                        n = add(moves, n, from, t);
                        if (sq[t] != 0) {
                            break;
                        }
                    }
                }
            }
            return n;
        }

        private int add(int[] moves, int n, int from, int to) {
            int promo = Math.abs(sq[from]) == 1 && (to / 10 == 2 || to / 10 == 9) ? 1 : 0;
            moves[n] = from | to << 7 | (sq[to] + 8) << 14 | promo << 18;
            return n + 1;
        }

        void make(int move) {
            int from = move & 0x7F;
            int to = move >>> 7 & 0x7F;
            sq[to] = (move >>> 18 & 1) == 1 ? 5 * side : sq[from];
            sq[from] = 0;
            side = -side;
        }

        void unmake(int move) {
            side = -side;
            int from = move & 0x7F;
            int to = move >>> 7 & 0x7F;
            sq[from] = (move >>> 18 & 1) == 1 ? side : sq[to];
            sq[to] = (move >>> 14 & 0xF) - 8;
        }

        /** Material and centralisation, from the side to move's view. */
        int evaluate() {
            int score = 0;
            for (int s = 21; s < 99; s++) {
                int p = sq[s];
                if (p == OFF || p == 0) {
                    continue;
                }
                int file = s % 10 - 1;
                int rank = s / 10 - 2;
                int centre = 6 - (Math.abs(2 * file - 7) + Math.abs(2 * rank - 7)) / 2;
                int v = VALUE[Math.abs(p)] + (Math.abs(p) == 6 ? 0 : 3 * centre);
                score += p > 0 ? v : -v;
            }
            return score * side;
        }
    }

    /** Negamax with alpha-beta; captures first; a node budget ends an iterative deepening. */
    static final class Search {
        /** Thrown (without a stack trace) when the node budget is used up. */
        private static final RuntimeException OUT_OF_BUDGET = new RuntimeException("node budget used", null, false,
                false) {
        };
        private final Board board;
        private final HandlerContext context;
        private final int[][] moveStack;
        private final long nodeBudget;
        long nodes;
        int bestFrom = -1;
        int bestTo = -1;
        int bestMove;
        /** Score of the deepest completed iteration ({@link #deepen}), centipawns for the side to move. */
        int score;
        /** The moves on the board from the searched position (taken back when a search is interrupted). */
        private int[] line = new int[0];
        private int plies;

        Search(Board board, HandlerContext context, int maxDepth, long nodeBudget) {
            this.board = board;
            this.context = context;
            this.moveStack = new int[maxDepth + 1][256];
            this.nodeBudget = nodeBudget;
        }

        /**
         * Iterative deepening: searches 1, 2, ... plies until the node budget is used (the iteration it interrupts is
         * discarded; depth 1 always completes) or the deepest depth is done; keeps the deepest completed result.
         *
         * @return the deepest completed depth
         */
        int deepen() {
            int completed = 0;
            for (int depth = 1; depth < moveStack.length; depth++) {
                Search iteration = new Search(board, context, depth, depth == 1 ? Long.MAX_VALUE : nodeBudget - nodes);
                try {
                    score = iteration.root(depth);
                    bestFrom = iteration.bestFrom;
                    bestTo = iteration.bestTo;
                    bestMove = iteration.bestMove;
                    completed = depth;
                } catch (RuntimeException e) {
                    if (e != OUT_OF_BUDGET) {
                        throw e;
                    }
                    iteration.restore();
                    nodes += iteration.nodes;
                    return completed;
                }
                nodes += iteration.nodes;
                if (nodes >= nodeBudget) {
                    return completed;
                }
            }
            return completed;
        }

        /** Takes back the moves of an interrupted search, so the board is the position searched. */
        private void restore() {
            while (plies > 0) {
                board.unmake(line[--plies]);
            }
        }

        int root(int depth) {
            line = new int[depth + 1];
            int[] moves = moveStack[depth];
            int n = order(moves, board.generate(moves, 0));
            int alpha = -KING_VALUE * 2;
            for (int i = 0; i < n; i++) {
                int m = moves[i];
                play(m);
                int value = -negamax(depth - 1, -KING_VALUE * 2, -alpha);
                takeBack();
                if (value > alpha || bestFrom < 0) {
                    alpha = Math.max(alpha, value);
                    bestFrom = m & 0x7F;
                    bestTo = m >>> 7 & 0x7F;
                    bestMove = m;
                }
            }
            return alpha;
        }

        private void play(int move) {
            board.make(move);
            line[plies++] = move;
        }

        private void takeBack() {
            board.unmake(line[--plies]);
        }

        private int negamax(int depth, int alpha, int beta) {
            if ((++nodes & 0xFFF) == 0) {
                context.checkpoint();
            }
            if (nodes > nodeBudget) {
                throw OUT_OF_BUDGET;
            }
            if (depth == 0) {
                return board.evaluate();
            }
            int[] moves = moveStack[depth];
            int n = order(moves, board.generate(moves, 0));
            for (int i = 0; i < n; i++) {
                int m = moves[i];
                if (Math.abs((m >>> 14 & 0xF) - 8) == 6) {
                    return KING_VALUE + depth; // the king can be taken: the previous move was illegal
                }
                play(m);
                int score = -negamax(depth - 1, -beta, -alpha);
                takeBack();
                if (score >= beta) {
                    return score;
                }
                alpha = Math.max(alpha, score);
            }
            return alpha;
        }

        /** Captures first, most valuable victim then least valuable attacker; a stable insertion sort. */
        private int order(int[] moves, int n) {
            int[] keys = new int[n];
            for (int i = 0; i < n; i++) {
                int victim = Math.abs((moves[i] >>> 14 & 0xF) - 8);
                int attacker = Math.abs(board.sq[moves[i] & 0x7F]);
                keys[i] = victim == 0 ? 0 : VALUE[victim] * 10 - VALUE[attacker] / 100;
            }
            for (int i = 1; i < n; i++) {
                int m = moves[i];
                int k = keys[i];
                int j = i - 1;
                while (j >= 0 && keys[j] < k) {
                    moves[j + 1] = moves[j];
                    keys[j + 1] = keys[j];
                    j--;
                }
                moves[j + 1] = m;
                keys[j + 1] = k;
            }
            return n;
        }
    }
}
