"use client";

import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";
import type { DayCount } from "@/lib/dashboard/daily-series";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Submissions per day as bars (Chart.js on a canvas); the table beside it says the same for screen readers. */
export function ThroughputChart({ days }: { days: DayCount[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const accent = getComputedStyle(canvas).getPropertyValue("--accent").trim() || "#2563eb";
    const chart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: days.map((day) => day.day),
        datasets: [{ label: "Sets submitted", data: days.map((day) => day.count), backgroundColor: accent }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [days]);
  return (
    <div style={{ position: "relative", height: "16rem" }}>
      <canvas ref={canvasRef} role="img" aria-label="Sets submitted per day" data-testid="throughput-chart" />
    </div>
  );
}
