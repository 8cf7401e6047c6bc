// No React plugin needed to build: Vite compiles TSX with the automatic JSX runtime.
import { defineConfig } from 'vite';

export default defineConfig({ oxc: { jsx: { runtime: 'automatic' } } });
