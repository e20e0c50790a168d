import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx,js}"],
  theme: {
    extend: {
      colors: {
        // Brand colours chosen for WCAG AA contrast on white (>= 4.5:1 for text).
        brand: { DEFAULT: "#0b5cad", dark: "#08467f", light: "#e8f1fb" },
      },
    },
  },
  plugins: [],
} satisfies Config;
