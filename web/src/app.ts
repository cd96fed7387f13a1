import './app.css';

const main = document.getElementById('app');
if (main) main.textContent = 'SIAP Pilkades';
