import { createApp } from 'vue';
import 'civic-widgets/define.js';
import App from './App.vue';

createApp(App).mount('#app');
