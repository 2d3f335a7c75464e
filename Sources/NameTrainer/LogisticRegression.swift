/// Binary logistic regression over sparse binary features, trained with AdaGrad SGD
/// and L2 regularisation. Deterministic for a given seed (shuffling uses `SeededRandom`).
struct LogisticRegression {
    struct Example { var features: [Int32]; var label: Bool }

    var weights: [Double]
    let l2: Double
    let learningRate: Double

    init(featureCount: Int, l2: Double = 1e-5, learningRate: Double = 0.2) {
        weights = [Double](repeating: 0, count: featureCount)
        self.l2 = l2
        self.learningRate = learningRate
    }

    func logit(_ features: [Int32]) -> Double {
        var s = 0.0
        for f in features { s += weights[Int(f)] }
        return s
    }

    mutating func train(_ examples: [Example], epochs: Int, random: inout SeededRandom) {
        var order = Array(examples.indices)
        var squares = [Double](repeating: 1e-8, count: weights.count)
        for _ in 0..<epochs {
            order.shuffle(using: &random)
            for index in order {
                let e = examples[index]
                let p = 1 / (1 + exp(-logit(e.features)))
                let g = p - (e.label ? 1 : 0)
                for f in e.features {
                    let i = Int(f)
                    let grad = g + l2 * weights[i]
                    squares[i] += grad * grad
                    weights[i] -= learningRate * grad / squares[i].squareRoot()
                }
            }
        }
    }
}

import Foundation

/// Span calibration: a small dense logistic regression (Platt scaling generalised to a
/// few inputs) fitted by Newton's method with a ridge term and step halving.
enum SpanCalibration {
    static func loss(_ xs: [[Double]], _ ys: [Bool], _ w: [Double], ridge: Double) -> Double {
        var l = 0.0
        for (x, y) in zip(xs, ys) {
            var z = 0.0
            for k in w.indices { z += w[k] * x[k] }
            let s = y ? -z : z
            l += s > 30 ? s : log1p(exp(s))
        }
        for v in w { l += ridge * v * v / 2 }
        return l
    }

    static func fit(_ xs: [[Double]], _ ys: [Bool], ridge: Double = 1.0) -> [Double] {
        let d = xs.first?.count ?? 0
        var w = [Double](repeating: 0, count: d)
        var current = loss(xs, ys, w, ridge: ridge)
        for _ in 0..<100 {
            var g = w.map { ridge * $0 }
            var h = (0..<d).map { i in (0..<d).map { j in i == j ? ridge : 0.0 } }
            for (x, y) in zip(xs, ys) {
                var z = 0.0
                for k in 0..<d { z += w[k] * x[k] }
                let p = 1 / (1 + exp(-z))
                let r = p - (y ? 1 : 0)
                let v = p * (1 - p)
                for i in 0..<d {
                    g[i] += r * x[i]
                    for j in 0..<d { h[i][j] += v * x[i] * x[j] }
                }
            }
            var step = solve(h, g)
            var next = loss(xs, ys, zip(w, step).map { $0 - $1 }, ridge: ridge)
            var halvings = 0
            while next > current && halvings < 20 {
                step = step.map { $0 / 2 }
                next = loss(xs, ys, zip(w, step).map { $0 - $1 }, ridge: ridge)
                halvings += 1
            }
            guard next <= current else { break }
            w = zip(w, step).map { $0 - $1 }
            let improvement = current - next
            current = next
            if improvement < 1e-9 { break }
        }
        return w
    }

    /// Solves h·x = g by Gaussian elimination with partial pivoting.
    static func solve(_ h: [[Double]], _ g: [Double]) -> [Double] {
        let n = g.count
        var a = h
        var b = g
        for c in 0..<n {
            let pivot = (c..<n).max { abs(a[$0][c]) < abs(a[$1][c]) }!
            a.swapAt(c, pivot); b.swapAt(c, pivot)
            guard abs(a[c][c]) > 1e-12 else { continue }
            for r in (c + 1)..<n where r < n {
                let f = a[r][c] / a[c][c]
                for k in c..<n { a[r][k] -= f * a[c][k] }
                b[r] -= f * b[c]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var s = b[r]
            for k in (r + 1)..<n where k < n { s -= a[r][k] * x[k] }
            x[r] = abs(a[r][r]) > 1e-12 ? s / a[r][r] : 0
        }
        return x
    }
}
