import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The one setting Vue needs: the civic-* tags are custom elements, not Vue components.
export default defineConfig({
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('civic-') } } }),
  ],
});
